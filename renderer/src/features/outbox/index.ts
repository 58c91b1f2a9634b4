// What the shell may use of the e-mail screen; the rest of this folder is its own.
export { OutboxScreen } from './OutboxScreen';
