#!/usr/bin/env python3
"""serve_long_lines.py PORT [BYTES]: sends two request lines of BYTES (default 1 MiB) to a
running `congkhai serve` on 127.0.0.1:PORT and, while they are in flight, one normal GET /.
Prints how long each took and the first bytes of each answer. Loopback only, bounded by
120 s timeouts; it is how the switch from FlyingFox to SwiftNIO was measured."""
import socket
import sys
import threading
import time

port = int(sys.argv[1])
size = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20


def long_line(results, index):
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    start = time.time()
    try:
        sock.sendall(b"GET /" + b"a" * size + b" HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
        answer = sock.recv(100)
    except OSError as error:
        answer = repr(error).encode()
    results[index] = (round(time.time() - start, 3), answer[:30])


results = [None, None]
threads = [threading.Thread(target=long_line, args=(results, i)) for i in range(2)]
for thread in threads:
    thread.start()
time.sleep(0.2)
sock = socket.create_connection(("127.0.0.1", port), timeout=120)
start = time.time()
try:
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
    answer = sock.recv(40)
except OSError as error:
    answer = repr(error).encode()
print("normal GET / during the long lines: %.3f s %r" % (time.time() - start, answer[:20]))
for thread in threads:
    thread.join()
print("long request lines:", results)
