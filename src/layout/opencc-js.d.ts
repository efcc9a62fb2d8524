/**
 * Types of opencc-js's t2cn entry for compilers that do not read package "exports" (the CLI's
 * CommonJS build); the bundler build reads the package's own types.
 */
declare module "opencc-js/t2cn" {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
