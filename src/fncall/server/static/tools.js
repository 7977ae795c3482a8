// Checking a pasted tool set before it is sent: OpenAI's `tools` array shape, with every
// problem named by its place (`tools[1].function.name`). The server checks the schemas again.

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const CUSTOM_EXAMPLE = JSON.stringify(
  [
    {
      type: "function",
      function: {
        name: "lookup_order",
        description: "Find an order by its number.",
        parameters: {
          type: "object",
          properties: { order_id: { type: "string", description: "The order number." } },
          required: ["order_id"],
        },
      },
    },
  ],
  null,
  2,
);

function kind(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return { object: "an object", string: "a string", number: "a number", boolean: "a boolean" }[
    typeof value
  ];
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Where in the text a JSON.parse error points, as "line L, column C", when it says.
function place(text, message) {
  const match = /position (\d+)/.exec(message);
  if (!match || /line \d+/.test(message)) return "";
  const before = text.slice(0, Number(match[1])).split("\n");
  return ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

// {tools, errors}: the tools when the text is a usable tool set, else what is wrong with it.
export function parseCustomTools(text) {
  if (!text.trim()) return { tools: null, errors: ["Paste a JSON array of tools."] };
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = place(text, error.message);
    return { tools: null, errors: [`Not valid JSON: ${error.message}${where}`] };
  }
  if (!Array.isArray(document)) {
    return {
      tools: null,
      errors: [`The tool set must be a JSON array of tools ([...]), not ${kind(document)}.`],
    };
  }
  if (document.length === 0) return { tools: null, errors: ["The tool set is empty: add a tool."] };
  const errors = [];
  const seen = new Set();
  document.forEach((tool, i) => {
    const at = `tools[${i}]`;
    if (!isObject(tool)) return errors.push(`${at}: must be an object, not ${kind(tool)}.`);
    if (tool.type !== "function") errors.push(`${at}.type: must be "function".`);
    const fn = tool.function;
    if (!isObject(fn)) return errors.push(`${at}.function: must be an object, not ${kind(fn)}.`);
    if (typeof fn.name !== "string" || !fn.name) {
      errors.push(`${at}.function.name: missing; every tool needs a name.`);
    } else if (!NAME.test(fn.name) || fn.name.length > 128) {
      errors.push(
        `${at}.function.name: "${fn.name}" is not an identifier ` +
          "(letters, digits and _, with dots between parts).",
      );
    } else if (seen.has(fn.name)) {
      errors.push(`${at}.function.name: "${fn.name}" is used by another tool.`);
    } else {
      seen.add(fn.name);
    }
    if (fn.description != null && typeof fn.description !== "string") {
      errors.push(`${at}.function.description: must be a string, not ${kind(fn.description)}.`);
    }
    checkParameters(fn.parameters, `${at}.function.parameters`, errors);
  });
  return errors.length ? { tools: null, errors } : { tools: document, errors: [] };
}

function checkParameters(parameters, at, errors) {
  if (parameters === undefined) return;
  if (!isObject(parameters)) {
    return errors.push(`${at}: must be an object, not ${kind(parameters)}.`);
  }
  if (parameters.type !== undefined && parameters.type !== "object") {
    errors.push(`${at}.type: must be "object", not ${JSON.stringify(parameters.type)}.`);
  }
  const properties = parameters.properties;
  if (properties !== undefined && !isObject(properties)) {
    errors.push(`${at}.properties: must be an object, not ${kind(properties)}.`);
  }
  const required = parameters.required;
  if (required === undefined) return;
  if (!Array.isArray(required) || required.some((name) => typeof name !== "string")) {
    return errors.push(`${at}.required: must be an array of property names.`);
  }
  for (const name of required) {
    if (!isObject(properties) || !(name in properties)) {
      errors.push(`${at}.required: "${name}" is not one of the properties.`);
    }
  }
}
