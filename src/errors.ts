/**
 * Error codes the studio reports in `co-design-error` events and promise
 * rejections (`{ code, message }`). Listed for hosts in docs/errors.md.
 */
export const ErrorCode = {
  TemplateLoadFailed: 'template-load-failed',
  TemplateInvalid: 'template-invalid',
  DesignInvalid: 'design-invalid',
  DesignTemplateMismatch: 'design-template-mismatch',
  UploadTooLarge: 'upload-too-large',
  UploadType: 'upload-type',
  UploadDimensions: 'upload-dimensions',
  UploadDecode: 'upload-decode',
  UploadUnsafe: 'upload-unsafe',
  ExportFailed: 'export-failed',
  /** A template font could not be loaded: its text is shown in a stand-in and is not exported until it loads. */
  FontUnavailable: 'font-unavailable',
  ViewUnknown: 'view-unknown',
  NotReady: 'not-ready',
  DraftInvalid: 'draft-invalid',
  StorageFull: 'storage-full',
  StorageUnavailable: 'storage-unavailable',
  BackupInvalid: 'backup-invalid',
  SubmitCancelled: 'submit-cancelled',
  SubmitUnavailable: 'submit-unavailable',
  SubmitFailed: 'submit-failed',
  /** `transport="postmessage"` without an exact `host-origin`, or outside an iframe: the bridge did not start. */
  BridgeOrigin: 'bridge-origin',
  /** This browser cannot encode a video (no WebCodecs `VideoEncoder`, no usable codec): show the still image. */
  VideoUnsupported: 'video-unsupported',

  /** A print job (co-design-studio/print) was refused: the design is past the print limits (docs/print.md). */
  PrintTooLarge: 'print-too-large',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one error shape the studio throws and reports. */
export class StudioError extends Error {
  readonly code: ErrorCode;
  /** Optional values for the translated message (e.g. a size limit). */
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
    this.params = params;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isStudioError(value: unknown): value is StudioError {
  return value instanceof StudioError;
}
