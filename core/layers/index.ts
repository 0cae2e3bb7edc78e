export * from './analyze-layers.js';
export * from './layer-crossings.js';
export * from './layer-defaults.js';
export * from './probability-of-interruption.js';
