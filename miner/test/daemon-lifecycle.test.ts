/** A miner whose start fails half-way (metrics port taken) releases what it opened and exits 1. */
import test from 'ava';
import { createServer, type AddressInfo } from 'node:net';
import { chainWithSubnet, minerArgs, minerWallet } from './_helpers/devchain-subnet.ts';
import { spawnArena } from './_helpers/processes.ts';

test('a miner started with its metrics port taken releases its worker, gRPC server and chain and exits 1', async (t) => {
  t.timeout(240_000);
  const { url, dir } = await chainWithSubnet(t);
  await minerWallet(dir);
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  const taken = (holder.address() as AddressInfo).port;
  const args = minerArgs(url, dir, ['--register', '--metrics.host', '127.0.0.1', '--training.max-steps', '1']);
  args[args.indexOf('--metrics.port') + 1] = String(taken);
  const miner = spawnArena(t, args);
  await miner.waitLine('registration', (l) => l.msg === 'miner registered on the subnet', 150_000);
  const outcome = await Promise.race([miner.exited, new Promise<undefined>((resolve) => setTimeout(resolve, 60_000, undefined))]);
  t.not(outcome, undefined, `the miner still runs 60 s after its metrics port turned out taken; stderr: ${miner.stderr.join('')}`);
  t.is(outcome?.code, 1, miner.stderr.join(''));
  t.regex(
    miner.stderr.join(''),
    new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken} for the miner metrics server: the address is in use`),
  );
});
