// Drawing the transcript. Everything the model or the server wrote goes in as text, never HTML.

const transcript = () => document.getElementById("transcript");

// el("p", {class: "x"}, "text", child) -> <p class="x">text<child/></p>
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child != null));
  return node;
}

function add(node) {
  transcript().append(node);
  node.scrollIntoView({ block: "end" });
  return node;
}

export function clearTranscript() {
  transcript().replaceChildren();
}

export function userMessage(text) {
  return add(el("li", { class: "message user" },
    el("span", { class: "who" }, "You"), el("p", {}, text)));
}

// An assistant bubble filled as text arrives; `finish` notes an empty or cut answer.
export function assistantMessage() {
  const text = el("p", { class: "text" });
  const node = el("li", { class: "message assistant", "aria-busy": "true" },
    el("span", { class: "who" }, "Model"), text);
  add(node);
  return {
    append(delta) {
      text.textContent += delta;
      node.scrollIntoView({ block: "end" });
    },
    finish(result) {
      node.removeAttribute("aria-busy");
      if (!result) return node.remove();
      if (!result.content && result.tool_calls.length) return node.remove();
      // Leading and trailing blank lines are not shown; an answer of nothing but them says so.
      text.textContent = result.content.trim();
      if (!text.textContent) {
        const what = result.content
          ? `only whitespace: ${result.content.length} characters`
          : "empty answer";
        text.append(el("em", { class: "muted" }, `(${what})`));
      }
      if (result.finish_reason === "length") {
        node.append(el("p", { class: "note" },
          "The answer was cut at the token limit (finish_reason: length)."));
      }
    },
  };
}

// An error exactly as the server sent it: status, type, param, code and message.
export function errorBox(error, context) {
  return add(el("li", { class: "message error", role: "alert" }, errorContent(error, context)));
}

export function errorContent(error, context) {
  const facts = [];
  if (error.status) facts.push(`HTTP ${error.status}`);
  if (error.name !== "ApiError") facts.push(error.name || "Error"); // a network or script error
  else if (!error.status) facts.push("sent in the stream");
  for (const key of ["type", "param", "code"]) if (error[key]) facts.push(`${key}: ${error[key]}`);
  return el("div", { class: "error-body" },
    el("strong", {}, context),
    facts.length ? el("span", { class: "facts" }, facts.join(" · ")) : null,
    el("pre", { class: "error-message" }, error.message));
}

// Take back the last user message (sent before the page had a key the server accepts).
export function dropLastUserMessage() {
  const mine = document.querySelectorAll("#transcript .message.user");
  mine[mine.length - 1]?.remove();
}

export function notice(title, text) {
  return add(el("li", { class: "message notice", role: "status" },
    el("strong", {}, title), text ? el("pre", { class: "error-message" }, text) : null));
}

function prettyArguments(text) {
  try {
    return { text: JSON.stringify(JSON.parse(text || "{}"), null, 2), valid: true };
  } catch {
    return { text, valid: false };
  }
}

// A proposed call with Approve / Reject buttons: `approve(card)` or `reject(card)` is called
// once, with the card's API (result, error, note, askResult).
export function callCard(call, { executable, approve, reject }) {
  const name = call.function.name;
  const args = prettyArguments(call.function.arguments);
  const status = el("span", { class: "status" }, "Waiting for you");
  const outcome = el("div", { class: "outcome", "aria-live": "polite" });
  const button = (label, kind) =>
    el("button", { type: "button", class: kind, "aria-label": `${label} ${name}` }, label);
  const approveButton = button("Approve", "approve");
  const rejectButton = button("Reject", "reject secondary");
  const actions = el("div", { class: "actions" }, approveButton, rejectButton);
  const hint = el("p", { class: "muted small" }, executable
    ? "Approve to run it on the server (demo tool)."
    : "Approve to type its result yourself (custom tool: the server never runs it).");
  const card = el("li", { class: "card call", "data-call-id": call.id },
    el("header", {},
      el("span", { class: "kind" }, "Proposed call"), el("code", { class: "name" }, name), status),
    el("pre", { class: "arguments", "aria-label": `Arguments of ${name}` }, args.text),
    args.valid ? null : el("p", { class: "note" }, "These arguments are not valid JSON."),
    hint, actions, outcome);
  add(card);

  const decided = (label) => {
    approveButton.disabled = rejectButton.disabled = true;
    status.textContent = label;
    card.dataset.state = label.toLowerCase();
    actions.remove();
    hint.remove();
  };
  approveButton.addEventListener("click", () => { decided("Approved"); approve(api); });
  rejectButton.addEventListener("click", () => { decided("Rejected"); reject(api); });

  const api = {
    // The tool's result (any JSON value) or its error, shown under the call.
    result(value, ok = true) {
      const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
      outcome.replaceChildren(el("h3", {}, ok ? "Result" : "Tool error"),
        el("pre", { class: ok ? "result" : "result failed" }, text));
      card.scrollIntoView({ block: "end" });
    },
    error(error) {
      outcome.replaceChildren(el("div", { class: "message error", role: "alert" },
        errorContent(error, "The server did not run the call")));
      card.scrollIntoView({ block: "end" });
    },
    note(text) {
      outcome.replaceChildren(el("p", { class: "muted" }, text));
    },
    // Ask the user for a custom tool's result; resolves to the text they send.
    askResult() {
      return new Promise((resolve) => {
        const id = `result-${call.id || Math.random().toString(36).slice(2)}`;
        const input = el("textarea", { id, rows: "3", required: true });
        const form = el("form", { class: "result-form" },
          el("label", { for: id }, `Result of ${name} (sent to the model as the tool message)`),
          input, el("button", { type: "submit" }, "Send result"));
        form.addEventListener("submit", (event) => {
          event.preventDefault();
          const text = input.value;
          form.remove();
          api.result(text);
          resolve(text);
        });
        outcome.replaceChildren(form);
        input.focus();
      });
    },
  };
  return api;
}
