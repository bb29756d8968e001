// Imported as strings through the `Text` module rule in wrangler.toml.
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  const text: string;
  export default text;
}
declare module "swagger-ui-dist/swagger-ui.css" {
  const text: string;
  export default text;
}
// OpenCC's dictionaries are plain strings ("trad simp|trad simp|…").
declare module "opencc-js/dict/*" {
  const dict: string;
  export default dict;
}
