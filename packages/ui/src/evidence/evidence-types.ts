/** One piece of evidence of a check item as a screen shows it. */
export interface EvidenceView {
  /** Server id, or `local:<upload entry id>` while it waits on the device. */
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  /** `uploaded` on the server; `pending` waiting on the device; `uploading` being sent; `failed` refused. */
  status: 'uploaded' | 'pending' | 'uploading' | 'failed';
  /** The server's Chinese reason when it refused the file. */
  error?: string | null;
}
