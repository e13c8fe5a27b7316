/**
 * The idle timeout after the handshake (`connections.idleTimeoutMs`, applied as grpc.max_connection_idle_ms):
 * a client that completes the HTTP/2 handshake (preface, SETTINGS, ACK of the server's SETTINGS) and then sends
 * nothing, and ignores the GOAWAY it gets, is closed by the server after the idle time. Raw TCP here so the
 * client cooperates in nothing. With the timeout out of reach the connection stays (the attack: one open file
 * per such client, until the 1024 limit).
 */
import test from 'ava';
import { connect } from 'node:net';
import { startServerProcess } from './_helpers/hostile.ts';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
/** An HTTP/2 SETTINGS frame with no settings; `ack` sets its ACK flag. */
const settings = (ack: boolean): Buffer => Buffer.from([0, 0, 0, 4, ack ? 1 : 0, 0, 0, 0, 0]);

/** Completes the handshake, then idles; resolves with ms from handshake to close by the server, or undefined at `waitMs`. */
function idleAfterHandshake(port: number, waitMs: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let handshakeAt = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, waitMs);
    socket.on('error', () => undefined); // a reset is a close too
    socket.once('connect', () => socket.write(Buffer.concat([PREFACE, settings(false)])));
    // The server's SETTINGS arrive first: acknowledge them, as a well-behaved client would, then say nothing more.
    socket.once('data', () => {
      socket.write(settings(true));
      handshakeAt = performance.now();
    });
    socket.on('data', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      if (handshakeAt === 0) reject(new Error('closed before the handshake completed'));
      else resolve(performance.now() - handshakeAt);
    });
  });
}

test.serial('a connection that completes the HTTP/2 handshake then sends nothing is closed after the idle timeout', async (t) => {
  t.timeout(180_000);
  const idleMs = 1_500;
  const waitMs = 2 * idleMs + 3_000; // room for a loaded machine's timers
  const run = async (idleTimeoutMs: number): Promise<number | undefined> => {
    const server = await startServerProcess({ limits: { connections: { idleTimeoutMs } } });
    try {
      return await idleAfterHandshake(server.port, waitMs);
    } finally {
      await server.stop();
    }
  };
  const off = await run(1e9);
  const on = await run(idleMs);
  t.log(`idle timeout off: ${off === undefined ? `still open after ${waitMs} ms` : `closed after ${off.toFixed(0)} ms`}`);
  t.log(
    `idle timeout ${idleMs} ms: ${on === undefined ? `still open after ${waitMs} ms` : `closed ${on.toFixed(0)} ms after the handshake`}`,
  );
  t.is(off, undefined, 'without the idle timeout the connection stays open (else the test proves nothing)');
  t.not(on, undefined, `still open ${waitMs} ms after the handshake`);
  t.true(on! >= idleMs - 50, `closed after ${on?.toFixed(0)} ms, before the idle time`);
});
