/** Every OpenFlow 1.4/1.5 shared codec module (importing registers them). */
export * from './props.js';
export * from './oxm_id.js';
export * from './multipart.js';
export * from './port.js';
export * from './table.js';
export * from './queue.js';
export * from './group_meter.js';
export * from './flow_monitor.js';
export * from './async.js';
export * from './bundle.js';
