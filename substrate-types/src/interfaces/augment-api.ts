// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

import './augment-api-consts.ts';
import './augment-api-errors.ts';
import './augment-api-events.ts';
import './augment-api-query.ts';
import './augment-api-tx.ts';
import './augment-api-rpc.ts';
import './augment-api-runtime.ts';
