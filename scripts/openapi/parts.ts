/** Small builders shared by the OpenAPI document's path files. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonContent = (schema: object) => ({ 'application/json': { schema } });
export const errorResponse = (description: string, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: jsonContent(ref('ApiError')),
});
export const use = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const admin = [{ adminToken: [] }];

/** The answers any API call may get. */
export const common = { '429': use('TooManyRequests'), '500': use('ServerError'), '503': use('Unavailable') };
