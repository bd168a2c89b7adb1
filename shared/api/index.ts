export * from './errors';
export * from './schema';
export * from './define';
export * from './events';
export * from './contract';
export * from './settings.schema';
export * from './system.contract';
