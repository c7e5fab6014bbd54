/** Time comes from here, never from Date.now(), so tests and the sandbox can move it. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}
