export { documentSchema } from './documentSchema.js'
export { documentExtensions } from './extensions.js'
export { BODY_FRAGMENT, docToJSON, docToText, jsonToUpdate } from './fragment.js'
