#!/usr/bin/env python3
"""check_serve.py CONGKHAI_COMMAND... SITE_FOLDER: drives `congkhai serve` like an editor would.

Copies the site to a temporary folder, starts the server, then edits a procedure, breaks it,
fixes it and edits a template, checking each time the WebSocket message the open page gets
(reload / errors with file:line) and the page the server then answers. Standard library only.
"""
import base64, json, os, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request

command, site = sys.argv[1:-1], sys.argv[-1]
port = 18000 + os.getpid() % 1000
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


class Socket:
    """The smallest WebSocket client: handshake, then unmasked text frames from the server."""
    def __init__(self, path):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=15)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Origin: http://127.0.0.1:{port}\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n")[0], head
        self.buffer = b""

    def read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def message(self, timeout=15):
        self.sock.settimeout(timeout)
        while True:
            b0, b1 = self.read(2)
            length = b1 & 0x7F
            if length == 126:
                length = int.from_bytes(self.read(2), "big")
            elif length == 127:
                length = int.from_bytes(self.read(8), "big")
            payload = self.read(length)
            if b0 & 0x0F == 1:
                return json.loads(payload.decode())


def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=15) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


work = tempfile.mkdtemp(prefix="congkhai-serve-")
for part in ("content", "templates"):
    shutil.copytree(os.path.join(site, part), os.path.join(work, part), symlinks=False)
server = subprocess.Popen(command + ["serve", "--source", work, "--port", str(port), "--as-of", "2026-11-23"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
ready = threading.Event()


def pump():
    for line in server.stdout:
        lines.append(line.rstrip("\n"))
        if "Xem trang tại" in line:
            ready.set()


threading.Thread(target=pump, daemon=True).start()
try:
    check(ready.wait(120), "serve prints its URL on 127.0.0.1")
    status, home = get("/")
    check(status == 200 and "/_congkhai/tai-lai.js" in home, "the home page is served with the reload script")
    status, _ = get("/thu-tuc")
    check(status == 200, "a folder without its slash is redirected to it")
    check(get("/khong-co-trang-nay/")[0] == 404, "an unknown page answers 404")
    check(get("/%2e%2e/%2e%2e/etc/passwd")[0] == 404, "no path leaves the built site")

    ws = Socket("/_congkhai/ws")
    check(ws.message()["type"] == "ok", "a page that connects is told the site is fine")

    procedure = os.path.join(work, "content/thu-tuc/ho-tich/1.001193.md")
    page = "/thu-tuc/ho-tich/1.001193/"
    original = open(procedure, encoding="utf-8").read()
    check(get(page)[0] == 200, "the procedure page exists")
    edited = original.replace("ten: \"", "ten: \"(Đã sửa thử) ", 1)
    open(procedure, "w", encoding="utf-8").write(edited)
    check(ws.message()["type"] == "reload", "editing a procedure sends reload")
    check("(Đã sửa thử)" in get(page)[1], "the procedure page shows the edit")
    check("(Đã sửa thử)" in get("/thu-tuc/ho-tich/")[1], "its field's list shows the edit")
    rebuilt = [line for line in lines if line.startswith("Đã sửa content/thu-tuc/ho-tich/1.001193.md")]
    check(bool(rebuilt), "the terminal says what was rebuilt: " + (rebuilt[-1] if rebuilt else "nothing"))

    open(procedure, "w", encoding="utf-8").write(edited.replace("linh_vuc:", "linh_vuc: [chưa đóng\nx:", 1))
    message = ws.message()
    where = message.get("items", [{}])[0].get("where", "") if message["type"] == "errors" else ""
    check(message["type"] == "errors" and where.startswith("content/thu-tuc/ho-tich/1.001193.md:"),
          "a broken file sends the error with file:line to the overlay: " + where)
    time.sleep(0.5)
    check(any("content/thu-tuc/ho-tich/1.001193.md:" in line and "lỗi" in line for line in lines),
          "the terminal shows the error with file:line")
    status, again = get("/")
    check(status == 200, "the server keeps answering while the content has an error")
    late = Socket("/_congkhai/ws").message()
    check(late["type"] == "errors", "a page opened while the error stands shows it too")

    open(procedure, "w", encoding="utf-8").write(original)
    check(ws.message()["type"] == "reload", "fixing the file recovers without a restart")
    check("(Đã sửa thử)" not in get(page)[1], "the page is back to the fixed content")

    footer = os.path.join(work, "templates/partials/footer.mustache")
    text = open(footer, encoding="utf-8").read()
    open(footer, "w", encoding="utf-8").write(text + "<!-- dau-hieu-mau-chan-trang -->\n")
    check(ws.message()["type"] == "reload", "editing a template sends reload")
    check("dau-hieu-mau-chan-trang" in get(page)[1], "pages using the template show the change")
finally:
    server.terminate()
    server.wait(10)
    shutil.rmtree(work, ignore_errors=True)

print("\n".join(lines[-8:]))
if failures:
    print(f"{len(failures)} kiểm tra serve không đạt")
    sys.exit(1)
print("serve: mọi kiểm tra đạt")
