/**
 * Registers every Milieu element under its default `milieu-` tag.
 * Prefer the per-tag entries (`@milieu/elements/<tag>.js`) to ship less.
 */
import './components/expectation-card/expectation-card.js';
