/** Node-level options of the subtensor pallets and the constants the calls share. */

/** Node-level options of the subtensor pallets (not part of the chain state). */
export interface SubtensorOptions {
  /** Accept 127.0.0.1 / ::1 axon addresses (single-machine runs). */
  allowLoopbackAxons: boolean;
  /** Alpha emitted per block to each subnet that did `start_call` (rao); default 1e9 (1 TAO, as mainnet). */
  emissionPerBlock: bigint;
}
export const DEFAULT_SUBTENSOR_OPTIONS: SubtensorOptions = { allowLoopbackAxons: false, emissionPerBlock: 1_000_000_000n };

/** Upstream `DefaultStartCallDelay` (0 blocks on the local chain; mainnet 7 days). */
export const START_CALL_DELAY = 0n;
export const DEFAULT_MIN_STAKE = 2_000_000n;
