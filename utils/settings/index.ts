export * from './schema';
export * from './defaults';
export * from './migrations';
export * from './parse';
export * from './import-diff';
