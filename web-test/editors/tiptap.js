import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { exposeEditor } from './fixture.js';

// injectCSS would add a <style> element, which the page's CSP refuses.
const editor = new Editor({ element: document.getElementById('editor'), extensions: [StarterKit], injectCSS: false });
exposeEditor({
  modelText: () => editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n'),
  content: () => document.querySelector('#editor .ProseMirror'),
});
window.editorDocTextContent = () => editor.state.doc.textContent;
