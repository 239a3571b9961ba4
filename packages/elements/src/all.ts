/**
 * Registers every Milieu element under its default `milieu-` tag.
 * Prefer the per-tag entries (`@milieu/elements/<tag>.js`) to ship less.
 *
 * It calls `defineMilieuElements()` rather than importing the per-tag modules, so each
 * registration call stays inside its own entry file (the files `sideEffects` lists) instead of
 * moving to a shared chunk that bundlers would tree-shake away.
 */
import { defineMilieuElements } from './define.js';

defineMilieuElements();
