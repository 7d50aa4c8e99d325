/**
 * Every page feature, in mount order. Each file declares the GOC pages it runs on.
 * Add a feature: create features/<name>/index.ts exporting a Feature, then list it here.
 */
import type { Feature } from './types';

export const FEATURES: Feature[] = [];
