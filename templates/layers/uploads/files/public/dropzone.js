// Drag and drop for upload forms (Dropzone.js's job, in a few lines). Without JavaScript the form is a plain
// multipart form with a file input that takes several files; with it, files dropped on the zone go into that
// same input and the form is sent as it would be by its button, so the server has one way in.
for (const zone of document.querySelectorAll('[data-dropzone]')) {
  const form = zone.closest('form');
  const input = form?.querySelector('input[type="file"]');
  const list = form?.querySelector('[data-dropzone-files]');
  if (!form || !input) continue;
  const show = () => {
    if (!list) return;
    list.textContent = [...input.files].map((file) => file.name).join(', ') || 'No file chosen yet.';
  };
  zone.classList.add('dropzone-ready');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dropzone-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropzone-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dropzone-over');
    if (!event.dataTransfer?.files.length) return;
    input.files = event.dataTransfer.files;
    show();
  });
  input.addEventListener('change', show);
}
