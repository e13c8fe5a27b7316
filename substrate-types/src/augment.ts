/** Side-effect import of the generated polkadot.js augmentation for the devchain / subtensor metadata. */
import './interfaces/augment-api.ts';
import './interfaces/augment-types.ts';
