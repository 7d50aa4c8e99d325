/**
 * Firefox's way to the simulator: a tiny HTTP CONNECT proxy on an ephemeral loopback port, set as
 * Firefox's proxy by prefs. A CONNECT to a GOC host (any port) is tunnelled to the simulator's
 * port; TLS stays end to end, so the page URL, the cookies, the content-script matches and the
 * background's fetches all see the real origin https://ticket.opensciencegrid.org. Every other
 * host is refused (403), which also keeps Firefox's own background traffic off the network.
 *
 * Chromium needs no proxy: --host-resolver-rules maps the host names to 127.0.0.1:<port> itself.
 * Neither browser needs port 443, so parallel e2e runs (other helpers, CI) never collide.
 */
import net from 'node:net';

export interface TunnelProxy {
  port: number;
  /** Host names seen in CONNECT requests, in order (refused ones too). */
  seen: string[];
  /** Offline: open tunnels are cut and new ones refused (as if the network were gone). */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

export async function startTunnelProxy(targetPort: number, hosts: readonly string[]): Promise<TunnelProxy> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  let offline = false;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 16_384) client.destroy();
        return;
      }
      client.off('data', onData);
      const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const match = /^CONNECT\s+\[?([^\]\s:]+)\]?:(\d+)\s+HTTP\/1\.[01]$/i.exec(requestLine);
      if (!match) {
        client.end('HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const host = match[1].toLowerCase();
      seen.push(host);
      if (offline) {
        client.destroy();
        return;
      }
      if (!allowed.has(host)) {
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const upstream = net.connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    seen,
    setOffline(value: boolean) {
      offline = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
