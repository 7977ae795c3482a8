// Talking to the server: the API key, OpenAI-style errors, chat completions (streamed or not).

const KEY_STORAGE = "fncall.apiKey";

export function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

// An error the server answered with, kept exactly as sent.
export class ApiError extends Error {
  constructor(status, body, raw) {
    const error = body && typeof body === "object" ? body.error : null;
    const message = error && typeof error === "object" ? error.message : null;
    super(message != null ? String(message) : raw || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status; // null for an error sent inside a stream
    this.type = error && error.type;
    this.param = error && error.param;
    this.code = error && error.code;
    this.raw = raw;
  }
}

function headers(json) {
  const out = {};
  if (json) out["Content-Type"] = "application/json";
  const key = apiKey();
  if (key) out["Authorization"] = `Bearer ${key}`;
  return out;
}

async function failure(response) {
  const raw = await response.text();
  let body = null;
  try {
    body = JSON.parse(raw);
  } catch {
    // not JSON: the raw text is the message
  }
  return new ApiError(response.status, body, raw);
}

export async function getJSON(path) {
  const response = await fetch(path, { headers: headers(false) });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function postJSON(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: headers(true),
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

// One chat completion. `onText(delta)` gets text as it arrives. Resolves to
// {content, tool_calls, finish_reason}.
export async function complete(request, onText) {
  const response = await fetch("/v1/chat/completions", {
    method: "POST",
    headers: headers(true),
    body: JSON.stringify(request),
  });
  if (!response.ok) throw await failure(response);
  if (!request.stream) {
    const body = await response.json();
    const choice = body.choices[0];
    const content = choice.message.content || "";
    if (content) onText(content);
    return {
      content,
      tool_calls: choice.message.tool_calls || [],
      finish_reason: choice.finish_reason,
    };
  }
  const result = { content: "", tool_calls: [], finish_reason: null };
  for await (const data of serverSentEvents(response)) {
    if (data === "[DONE]") break;
    const chunk = JSON.parse(data);
    if (chunk.error) throw new ApiError(null, chunk, data);
    for (const choice of chunk.choices || []) {
      const delta = choice.delta || {};
      if (delta.content) {
        result.content += delta.content;
        onText(delta.content);
      }
      for (const part of delta.tool_calls || []) mergeToolCall(result.tool_calls, part);
      if (choice.finish_reason) result.finish_reason = choice.finish_reason;
    }
  }
  return result;
}

// Tool calls arrive in pieces, keyed by index: the id and name first, then the arguments.
function mergeToolCall(calls, part) {
  const index = part.index ?? calls.length;
  calls[index] ??= { id: "", type: "function", function: { name: "", arguments: "" } };
  const call = calls[index];
  if (part.id) call.id = part.id;
  if (part.function?.name) call.function.name += part.function.name;
  if (part.function?.arguments) call.function.arguments += part.function.arguments;
}

// The `data:` payloads of a text/event-stream body, read with fetch's ReadableStream.
async function* serverSentEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""))
        .join("\n");
      if (data) yield data;
    }
    if (done) break;
  }
  if (buffer.trim().startsWith("data:")) yield buffer.trim().slice(5).trim();
}
