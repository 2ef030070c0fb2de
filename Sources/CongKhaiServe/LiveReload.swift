import CongKhaiModel
import Foundation

/// Tells every open page when the site changed: `reload`, or the current errors for the
/// overlay. Pages connect to `/_congkhai/ws` through the script `serve` adds to them.
actor LiveReload {
    private var clients: [UUID: @Sendable (String) -> Void] = [:]
    /// What a page that connects now should show: nil, or the errors as JSON.
    private var currentErrors: String?

    /// `send` delivers one text message to the page; it is told the current state at once.
    func connect(_ id: UUID, send: @escaping @Sendable (String) -> Void) {
        clients[id] = send
        send(currentErrors ?? Self.message(type: "ok"))
    }

    func disconnect(_ id: UUID) {
        clients[id] = nil
    }

    var clientCount: Int { clients.count }

    /// After a rebuild: the errors when there are any (the pages keep their last good state),
    /// otherwise a reload.
    func announce(errors: [Diagnostic]) {
        if errors.isEmpty {
            currentErrors = nil
            send(Self.message(type: "reload"))
        } else {
            let message = Self.errorsMessage(errors)
            currentErrors = message
            send(message)
        }
    }

    private func send(_ text: String) {
        for client in clients.values { client(text) }
    }

    static func message(type: String) -> String {
        "{\"type\":\"\(type)\"}"
    }

    static func errorsMessage(_ errors: [Diagnostic]) -> String {
        let items = errors.prefix(50).map { diagnostic -> [String: String] in
            var item = ["where": diagnostic.location.description, "message": diagnostic.message]
            if let hint = diagnostic.hint { item["hint"] = hint }
            return item
        }
        let payload: [String: Any] = ["type": "errors", "count": errors.count, "items": items]
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Added to HTML answers only by `serve`, never to built files.
    static let scriptPath = "/_congkhai/tai-lai.js"
    static let socketPath = "/_congkhai/ws"
    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// Reconnects after the server restarts; the overlay lists errors with file:line and is
    /// announced to screen readers.
    static let script = #"""
    (function () {
      var box = null;
      function show(data) {
        if (!box) {
          box = document.createElement('div');
          box.id = 'congkhai-loi';
          box.setAttribute('role', 'alert');
          box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;' +
            'background:#fff4f4;color:#1a1a1a;border-top:4px solid #b00020;padding:12px 16px;font:15px/1.5 sans-serif;' +
            'box-shadow:0 -2px 12px rgba(0,0,0,.3)';
          document.body.appendChild(box);
        }
        var html = '<strong>CongKhai: ' + data.count + ' lỗi, trang đang hiện bản dựng gần nhất.</strong><ul style="margin:.5em 0 0;padding-left:1.2em">';
        data.items.forEach(function (item) {
          html += '<li><code>' + esc(item.where) + '</code>: ' + esc(item.message) +
            (item.hint ? '<br><em>Gợi ý: ' + esc(item.hint) + '</em>' : '') + '</li>';
        });
        box.innerHTML = html + '</ul>';
      }
      function esc(text) {
        return String(text).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; });
      }
      function connect() {
        var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/_congkhai/ws');
        socket.onmessage = function (event) {
          var data = JSON.parse(event.data);
          if (data.type === 'reload') location.reload();
          else if (data.type === 'errors') show(data);
          else if (data.type === 'ok' && box) { box.remove(); box = null; }
        };
        socket.onclose = function () { setTimeout(connect, 1000); };
      }
      connect();
    })();
    """#
}
