"use strict";
/**
 * Build settings for a deployment (read by webpack.config.js), from the environment:
 *
 *   ADDIN_ORIGIN        https://host[/path] where dist/ will be served. Unset: the development
 *                       origin https://localhost:3000 (npm start / dev-server), manifest unchanged.
 *   ADDIN_PROVIDER      the publisher's name, shown by Office as the add-in's provider
 *                       (<ProviderName>). Required with ADDIN_ORIGIN.
 *   ADDIN_SUPPORT_URL   the publisher's support page (<SupportUrl>), https. Default: the add-in's
 *                       own help page, ADDIN_ORIGIN/help.html.
 *   OFFICE_CLOUD        "global" (default) or "21vianet" (Office 365 operated by 21Vianet in China,
 *                       which serves office.js from its own CDN).
 *   OFFICE_JS_URL       the office.js the page loads, https. Default for "global": Microsoft's CDN,
 *                       https://appsforoffice.microsoft.com/lib/1/hosted/office.js. Required for
 *                       "21vianet": take the URL from 21Vianet's documentation for add-ins; no
 *                       address is guessed here.
 *
 * The page's Content-Security-Policy allows scripts from the add-in's own origin and the
 * office.js origin only. A wrong setting stops the build with a one-line message (BuildSettingError).
 */

const DEV_ORIGIN = "https://localhost:3000";
const MICROSOFT_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CLOUDS = ["global", "21vianet"];

class BuildSettingError extends Error {}

function httpsUrl(name, value, { path = true } = {}) {
  let u;
  try {
    u = new URL(value);
  } catch {
    throw new BuildSettingError(`${name} "${value}" is not an absolute URL`);
  }
  if (u.protocol !== "https:") throw new BuildSettingError(`${name} "${value}" must be an https URL`);
  if (u.search || u.hash || u.username || u.password)
    throw new BuildSettingError(`${name} "${value}" must have no query, fragment or credentials`);
  if (!path && u.pathname !== "/") throw new BuildSettingError(`${name} "${value}" must be an origin, without a path`);
  return u;
}

/**
 * The settings from `env` (process.env by default). Throws BuildSettingError for a missing or
 * malformed one.
 */
function buildSettings(env = process.env) {
  const value = (k) => (typeof env[k] === "string" && env[k].trim() !== "" ? env[k].trim() : undefined);
  const deploying = value("ADDIN_ORIGIN") !== undefined;
  const base = httpsUrl("ADDIN_ORIGIN", value("ADDIN_ORIGIN") ?? DEV_ORIGIN);
  // "https://host/path" and "https://host/path/" name the same folder.
  const addinBase = `${base.origin}${base.pathname.replace(/\/+$/, "")}`;
  const provider = value("ADDIN_PROVIDER");
  if (deploying && !provider)
    throw new BuildSettingError(
      "ADDIN_PROVIDER is required with ADDIN_ORIGIN: the publisher's name, which Office shows as the add-in's provider",
    );
  const supportUrl = value("ADDIN_SUPPORT_URL")
    ? httpsUrl("ADDIN_SUPPORT_URL", value("ADDIN_SUPPORT_URL")).href
    : `${addinBase}/help.html`;
  const cloud = value("OFFICE_CLOUD") ?? "global";
  if (!CLOUDS.includes(cloud))
    throw new BuildSettingError(`OFFICE_CLOUD "${cloud}" is not one of ${CLOUDS.join(", ")}`);
  if (cloud === "21vianet" && !value("OFFICE_JS_URL"))
    throw new BuildSettingError(
      "OFFICE_JS_URL is required with OFFICE_CLOUD=21vianet: the office.js URL 21Vianet documents for add-ins (none is guessed)",
    );
  const officeJs = httpsUrl("OFFICE_JS_URL", value("OFFICE_JS_URL") ?? MICROSOFT_OFFICE_JS);
  const csp =
    `default-src 'self'; script-src 'self' ${officeJs.origin}; ` +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";
  return {
    deploying,
    /** Where dist/ is served, without a trailing slash: every manifest URL starts with it. */
    addinBase,
    addinOrigin: base.origin,
    provider,
    supportUrl,
    cloud,
    officeJsUrl: officeJs.href,
    officeJsOrigin: officeJs.origin,
    csp,
  };
}

/**
 * manifest.xml for a deployment: every development URL (https://localhost:3000/…) on the
 * deployment's base, the publisher as ProviderName, the support URL. The development manifest
 * (no ADDIN_ORIGIN) is returned unchanged.
 */
function deploymentManifest(xml, settings) {
  if (!settings.deploying) return xml;
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  let out = xml.split(`${DEV_ORIGIN}/`).join(`${settings.addinBase}/`);
  out = out.replace(/<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${escape(settings.provider)}</ProviderName>`);
  out = out.replace(
    /<SupportUrl DefaultValue="[^"]*"\s*\/>/,
    `<SupportUrl DefaultValue="${escape(settings.supportUrl)}"/>`,
  );
  if (out.includes(DEV_ORIGIN)) throw new BuildSettingError(`manifest.xml still names ${DEV_ORIGIN} after rewriting`);
  return out;
}

module.exports = { buildSettings, deploymentManifest, BuildSettingError, DEV_ORIGIN, MICROSOFT_OFFICE_JS };
