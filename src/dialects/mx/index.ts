export { mxDialect } from './mx-dialect.ts';
