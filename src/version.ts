/**
 * The pipeline version stamped on every analysis. A change in output for the same input is a change
 * in behaviour: bump the minor part when any stage's output changes, the patch part for strict fixes.
 */
export const PIPELINE_VERSION = '0.20.0'
