// The upload and image-source checks; no lit, no fabric, so any layer may use them.
export { prepareUpload, type PreparedImage, type UploadOptions } from './upload.ts';
export { verifyImageSrc, isAcceptableImageSrcSyntax, type VerifiedImage, type ImageSrcOptions } from './image-src.ts';
export { sanitizeSvg, type SanitizedSvg, type SvgOptions } from './svg.ts';
export { sniffBlob, sniffBytes, ImageMime } from './sniff.ts';
export { readRasterDimensions, checkDimensions, type Dimensions } from './dimensions.ts';
export { Limits } from './limits.ts';
