// The chat: pick tools, talk to /v1/chat/completions, approve or reject each proposed call,
// send the results back for the model's answer.

import { ApiError, apiKey, complete, getJSON, postJSON, setApiKey } from "./api.js";
import { CUSTOM_EXAMPLE, parseCustomTools } from "./tools.js";
import * as ui from "./ui.js";

const CUSTOM = "custom";
const CUSTOM_STORAGE = "fncall.customTools";
const $ = (id) => document.getElementById(id);

const state = {
  toolsets: [], // sets from the server: {id, name, description, tools, executable, drawn}
  info: null, // {model, dialect, conversation}
  model: null,
  messages: [], // the conversation, in OpenAI's shape
  waiting: 0, // proposed calls not yet approved or rejected
  busy: false,
  chat: 0, // bumped by "New chat": late answers to an old chat are dropped
};

// --- tools and tool_choice ---------------------------------------------------------------

function selectedToolset() {
  const id = $("toolset").value;
  if (id === CUSTOM) {
    const { tools, errors } = parseCustomTools($("custom-tools").value);
    return { id, executable: false, tools, errors };
  }
  const set = state.toolsets.find((s) => s.id === id);
  return set ? { ...set, errors: [] } : { id, tools: null, errors: ["Pick a tool set."] };
}

function showToolset() {
  const custom = $("toolset").value === CUSTOM;
  const set = selectedToolset();
  $("custom-editor").hidden = !custom;
  $("toolset-description").textContent = custom
    ? "Your own tools, pasted as JSON."
    : set.description || "";
  $("custom-errors").replaceChildren(...set.errors.map((text) => ui.el("p", {}, text)));
  $("custom-tools").setAttribute("aria-invalid", String(custom && set.errors.length > 0));
  $("tool-list").hidden = !set.tools;
  $("tools").replaceChildren(
    ...(set.tools || []).map((tool) =>
      ui.el("li", {},
        ui.el("code", {}, tool.function.name), " ",
        ui.el("span", { class: "muted" }, tool.function.description || "")),
    ),
  );
  fillToolChoice(set.tools || []);
  updateComposer();
}

function fillToolChoice(tools) {
  const select = $("tool-choice");
  const previous = select.value || "auto";
  const modes = ["auto", "none", "required"].map((mode) => ui.el("option", { value: mode }, mode));
  const named = tools.map((tool) =>
    ui.el("option", { value: `function:${tool.function.name}` }, `function: ${tool.function.name}`),
  );
  const group = named.length ? ui.el("optgroup", { label: "A specific tool" }, ...named) : "";
  select.replaceChildren(...modes, group);
  select.value = [...select.options].some((o) => o.value === previous) ? previous : "auto";
}

function toolChoice() {
  const value = $("tool-choice").value;
  if (value.startsWith("function:")) {
    return { type: "function", function: { name: value.slice("function:".length) } };
  }
  return value;
}

// --- the conversation ----------------------------------------------------------------------

function updateComposer() {
  const set = selectedToolset();
  const blocked = state.busy || state.waiting > 0 || !set.tools;
  $("send").disabled = blocked;
  $("composer-hint").textContent = state.busy
    ? "The model is answering…"
    : state.waiting > 0
      ? "Approve or reject the proposed call first."
      : !set.tools
        ? "Fix the tool set first."
        : "";
}

function setBusy(busy) {
  state.busy = busy;
  updateComposer();
}

async function ask() {
  const set = selectedToolset();
  if (!set.tools) {
    ui.errorBox(new Error(set.errors.join("\n")), "The tool set is not usable");
    return;
  }
  const request = {
    model: state.model || "fncall",
    messages: state.messages,
    // The server's library: the server offers what fits each message.
    ...(set.drawn ? {} : { tools: set.tools }),
    tool_choice: toolChoice(),
    stream: $("stream").checked,
  };
  const answersTools = state.messages.at(-1)?.role === "tool";
  const chat = state.chat;
  setBusy(true);
  const bubble = ui.assistantMessage();
  let partial = "";
  try {
    const result = await complete(request, (delta) => {
      partial += delta;
      bubble.append(delta);
    });
    if (chat !== state.chat) return;
    bubble.finish(result);
    const message = { role: "assistant", content: result.content || null };
    if (result.tool_calls.length) message.tool_calls = result.tool_calls;
    state.messages.push(message);
    for (const call of result.tool_calls) propose(call, set);
  } catch (error) {
    if (chat !== state.chat) return;
    // What arrived before a stream broke stays visible, above the error.
    bubble.finish(partial ? { content: partial, tool_calls: [] } : null);
    failed(error, answersTools);
  } finally {
    if (chat === state.chat) setBusy(false);
  }
}

function failed(error, answersTools) {
  if (needsKey(error)) {
    if (!answersTools && state.messages.at(-1)?.role === "user") {
      $("message").value = state.messages.pop().content; // to send again once the key works
      ui.dropLastUserMessage();
    }
    return;
  }
  const context = answersTools
    ? "The server could not answer from the tool results"
    : "The server could not answer";
  ui.errorBox(error, context);
  if (!answersTools && state.messages.at(-1)?.role === "user") {
    // Not part of the conversation after all: put it back in the box to try again.
    $("message").value = state.messages.pop().content;
  }
}

function propose(call, set) {
  state.waiting += 1;
  const name = call.function.name;
  const chat = state.chat;
  const answered = (content) => {
    if (chat !== state.chat) return;
    state.messages.push({ role: "tool", tool_call_id: call.id, content });
    state.waiting -= 1;
    updateComposer();
    if (state.waiting === 0) ask();
  };
  ui.callCard(call, {
    executable: set.executable,
    async approve(card) {
      if (!set.executable) return answered(await card.askResult());
      card.note("Running…");
      try {
        const outcome = await postJSON("/v1/fncall/execute", {
          toolset: set.id,
          name,
          arguments: call.function.arguments,
        });
        card.result(outcome.ok ? outcome.result : outcome.error.message, outcome.ok);
        answered(outcome.content);
      } catch (error) {
        card.error(error);
        answered(JSON.stringify({ error: error.message }));
      }
    },
    reject(card) {
      card.note("Rejected: the model is told the call was not run.");
      answered(`The user rejected the call to ${name}; it was not run.`);
    },
  });
  updateComposer();
}

function send(event) {
  event.preventDefault();
  const text = $("message").value.trim();
  if (!text || $("send").disabled) return;
  $("message").value = "";
  state.messages.push({ role: "user", content: text });
  ui.userMessage(text);
  ask();
}

function newChat() {
  state.chat += 1;
  state.messages = [];
  state.waiting = 0;
  state.busy = false;
  ui.clearTranscript();
  updateComposer();
  $("message").focus();
}

// --- the API key ----------------------------------------------------------------------------

// A 401 is not an error to show in the conversation: the page asks for the key instead,
// and says what the server said of the one it has. True when that was the problem.
function needsKey(error) {
  if (!(error instanceof ApiError) || error.status !== 401) return false;
  const prompt = $("key-needed");
  prompt.textContent = apiKey()
    ? `The server refused this key (${error.message}). Type the right one above.`
    : "This server needs an API key (fncall serve --api-key): type it above.";
  prompt.hidden = false;
  $("api-key").setAttribute("aria-invalid", "true");
  $("api-key").focus();
  return true;
}

function keyAccepted() {
  $("key-needed").hidden = true;
  $("api-key").removeAttribute("aria-invalid");
}

// --- start ---------------------------------------------------------------------------------

async function loadServer() {
  const line = $("model-info");
  try {
    const [models, info] = await Promise.all([getJSON("/v1/models"), getJSON("/v1/fncall/info")]);
    keyAccepted();
    state.info = info;
    state.model = models.data?.[0]?.id || info.model;
    const turns = info.conversation ? `conversations ${info.conversation}` : "";
    const dialect = `dialect ${info.dialect ?? "unknown"}${turns ? ` (${turns})` : ""}`;
    line.textContent = `Model ${state.model} · ${dialect}`;
  } catch (error) {
    if (needsKey(error)) {
      line.textContent = "Waiting for the API key.";
      return;
    }
    line.textContent = "Could not reach the model: see the error below.";
    ui.errorBox(error, "Loading the model's details failed");
  }
}

async function loadToolsets() {
  try {
    state.toolsets = (await getJSON("/v1/fncall/toolsets")).data;
  } catch (error) {
    if (!needsKey(error)) ui.errorBox(error, "Loading the tool sets failed");
  }
  $("toolset").replaceChildren(
    ...state.toolsets.map((set) => ui.el("option", { value: set.id }, set.name)),
    ui.el("option", { value: CUSTOM }, "Custom (paste JSON)"),
  );
  showToolset();
}

function start() {
  $("api-key").value = apiKey();
  $("api-key").addEventListener("change", (event) => {
    setApiKey(event.target.value.trim());
    loadServer();
    if (!state.toolsets.length) loadToolsets();
  });
  $("custom-tools").value = localStorage.getItem(CUSTOM_STORAGE) || CUSTOM_EXAMPLE;
  $("custom-tools").addEventListener("input", (event) => {
    localStorage.setItem(CUSTOM_STORAGE, event.target.value);
    showToolset();
  });
  $("toolset").addEventListener("change", showToolset);
  $("composer").addEventListener("submit", send);
  $("message").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) send(event);
  });
  $("new-chat").addEventListener("click", newChat);
  loadServer();
  loadToolsets();
}

start();
