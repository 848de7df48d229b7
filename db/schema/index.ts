export * from './library';
export * from './financial';
export * from './loans';
export * from './records';
export * from './settings';
export * from './cleanup';
export * from './access';
export * from './auth';
