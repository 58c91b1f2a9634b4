// What the shell may use of the exchange; the rest of this folder is its own.
export { ExchangeScreen } from './ExchangeScreen';
