export * from './analyze-approach.js';
export * from './approach-routes.js';
export * from './kinematics.js';
export * from './speed-profile.js';
export * from './turn-speed.js';
