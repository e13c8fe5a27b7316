import test from 'ava';
import { isSs58, publicKeyHex, toColdkey, toHotkey, toNetUid, toUid } from '../src/brands.ts';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

test('toUid accepts u16 and throws RangeError outside it', (t) => {
  t.is<number, number>(toUid(0), 0);
  t.is<number, number>(toUid(65535), 65535);
  for (const bad of [-1, 65536, 1.5, Number.NaN]) t.throws(() => toUid(bad), { instanceOf: RangeError });
  t.throws(() => toNetUid(70000), { instanceOf: RangeError, message: /netuid.*70000/ });
});

test('toHotkey checks SS58 and normalises a public key to prefix 42', (t) => {
  t.is<string, string>(toHotkey(ALICE), ALICE);
  t.is<string, string>(toColdkey(publicKeyHex(ALICE)), ALICE);
  t.throws(() => toHotkey('not-an-address'), { instanceOf: TypeError, message: /SS58/ });
  t.true(isSs58(ALICE));
  t.false(isSs58('5Grwva'));
});
