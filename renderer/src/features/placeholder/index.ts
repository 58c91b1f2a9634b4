// What the shell may use of the placeholder screen; the rest of this folder is its own.
export { PlaceholderScreen } from './PlaceholderScreen';
