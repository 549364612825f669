/**
 * Saves a blob as a file through a temporary link, e.g. an export fetched with the bearer token
 * (a plain link could not send the Authorization header).
 * @param blob - the file's content
 * @param fileName - the name the browser saves it under
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
