export * from './contract';
export * from './envelope';
export * from './schemas';
export * from './types';
export { createApi, type Api, type Transport } from './api';
