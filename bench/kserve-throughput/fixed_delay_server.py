"""A minimal KServe v2 endpoint on 127.0.0.1 whose every inference answer takes a fixed delay.

It answers GET .../ready and GET /v2/models/{model} with 200, and POST .../infer with ten logits
per example (the batch size read from the request's input shape) after DELAY_MS, scheduled on
the event loop rather than a sleeping thread, so the server's own cost stays far below the
client's. HTTP/1.1 keep-alive, Content-Length bodies only. Prints its port, then serves.
    python3 fixed_delay_server.py DELAY_MS
"""
import asyncio
import re
import sys

DELAY = float(sys.argv[1]) / 1000 if len(sys.argv) > 1 else 0.005
SHAPE = re.compile(rb'"shape"\s*:\s*\[\s*(\d+)')


def answer(status, body):
    return (b"HTTP/1.1 %d OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (status, len(body))) + body


class Connection(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1")
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if len(self.buffer) < end + 4 + length:
                return
            body = self.buffer[end + 4:end + 4 + length]
            self.buffer = self.buffer[end + 4 + length:]
            method, path = head.split(" ")[:2]
            if method == "POST" and path.endswith("/infer"):
                match = SHAPE.search(body)
                rows = int(match.group(1)) if match else 1
                data = ",".join(["9"] + ["0"] * 9 + ["9"] * 0)
                data = ",".join([data] * rows)
                response = answer(200, b'{"outputs":[{"name":"out","datatype":"FP32","shape":[%d,10],"data":[%s]}]}' % (rows, data.encode()))
                asyncio.get_running_loop().call_later(DELAY, self.transport.write, response)
            else:
                self.transport.write(answer(200, b'{"name":"mnist-8","versions":["1"]}'))


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Connection, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
