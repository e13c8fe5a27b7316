/**
 * One TCP forwarder per simulated validator, each connecting to the target from its own loopback source
 * address (127.0.1.x). Real validators reach a miner from distinct IPs; without this, 64 validators on
 * one test machine would share 127.0.0.1 and the miner's per-address caps (connections, calls per second)
 * would throttle them as one caller. The validators' own gRPC clients (grpc-js, which cannot bind a source
 * address) connect to their forwarder's port; the bytes are piped unchanged.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Forwarders {
  /** Port of forwarder i on 127.0.0.1. */
  ports: number[];
  close(): Promise<void>;
}

/** Starts `n` forwarders to 127.0.0.1:`targetPort`; forwarder i connects from 127.0.1.(i + 1). */
export async function startForwarders(n: number, targetPort: number): Promise<Forwarders> {
  if (n > 254) throw new Error(`expected at most 254 forwarders (one /24 of source addresses), found ${n}`);
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const ports: number[] = [];
  for (let i = 0; i < n; i++) {
    const localAddress = `127.0.1.${i + 1}`;
    const server = createServer((inbound) => {
      const outbound = connect({ host: '127.0.0.1', port: targetPort, localAddress });
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.setNoDelay(true);
        s.on('error', () => undefined);
        s.once('close', () => sockets.delete(s));
      }
      inbound.pipe(outbound);
      outbound.pipe(inbound);
      inbound.once('close', () => outbound.destroy());
      outbound.once('close', () => inbound.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    ports.push(typeof addr === 'object' && addr !== null ? addr.port : 0);
    servers.push(server);
  }
  return {
    ports,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}
