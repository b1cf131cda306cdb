export * from './api.js'
export * from './closeCodes.js'
export * from './errors.js'
export * from './roles.js'
