#!/usr/bin/env python3
"""MLLP import rate for make bench: N ORU^R01 messages (a CBC of 3 items
each, every one a new specimen) sent over C connections to the LIS listener,
each connection one message at a time waiting for its ACK, as a LIS does.
Prints "<messages> <seconds> <messages per second> <acks AA>".

    mllp.py PORT [N] [C]
"""
import socket
import sys
import threading
import time

port = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
conns = int(sys.argv[3]) if len(sys.argv) > 3 else 4
tag = '%x' % int(time.time() * 1000)
now = time.strftime('%Y%m%d%H%M%S')


def message(i):
    bar = 'B%s%05d' % (tag, i)
    segs = [
        'MSH|^~\\&|BENCH|检验科|PORTAL|市一院|%s||ORU^R01^ORU_R01|%s-%d|P|2.5.1|||||CHN|UNICODE UTF-8' % (now, tag, i),
        'PID|1||P%s^^^HOSP^MR||钱^多多||19800101|F|||||^PRN^CP^^^^^^^^^139%08d' % (bar, i),
        'PV1|1|O|内科',
        'ORC|RE|ORD%s|%s' % (bar, bar),
        'OBR|1|ORD%s|%s|CBC^血常规|||%s|||||||%s||1001^刘^医生||||||%s|||F' % (bar, bar, now, now, now),
        'OBX|1|NM|WBC^白细胞计数||6.1|10\\S\\9/L|3.5-9.5|N|||F',
        'OBX|2|NM|HGB^血红蛋白||140|g/L|130-175|N|||F',
        'OBX|3|NM|PLT^血小板计数||250|10\\S\\9/L|125-350|N|||F',
    ]
    return b'\x0b' + ('\r'.join(segs) + '\r').encode() + b'\x1c\r'


frames = [message(i) for i in range(n)]
accepted = [0] * conns


def sender(k):
    s = socket.create_connection(('127.0.0.1', port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = b''
    for f in frames[k::conns]:
        s.sendall(f)
        while b'\x1c\r' not in buf:
            chunk = s.recv(65536)
            if not chunk:
                raise SystemExit('connection closed')
            buf += chunk
        ack, buf = buf.split(b'\x1c\r', 1)
        if b'\rMSA|AA|' in ack:
            accepted[k] += 1
    s.close()


threads = [threading.Thread(target=sender, args=(k,)) for k in range(conns)]
start = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
secs = time.monotonic() - start
print('%d %.2f %.0f %d' % (n, secs, n / secs, sum(accepted)))
