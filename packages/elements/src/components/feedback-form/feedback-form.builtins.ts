/**
 * The built-in templates, loaded with a dynamic import only when the form has no template from
 * its `template` property or its context (a form fed by `context-src` gets them from the server).
 *
 * @module
 */
export { BUILT_IN_TEMPLATES } from '@milieu/core';
