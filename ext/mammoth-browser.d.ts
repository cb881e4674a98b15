/** mammoth's prebuilt browser bundle (no Node built-ins); the report view loads it for .docx files. */
declare module 'mammoth/mammoth.browser.js' {
  const mammoth: { convertToHtml(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string; messages: unknown[] }> };
  export default mammoth;
}
