/**
 * Latchkey's native API, as TypeScript types generated from the server's
 * OpenAPI document by openapi-typescript. Do not edit: run `npm run sdk:generate`
 * (test/client/schema-fresh.test.ts fails when this file is stale).
 */

export interface paths {
    "/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Newest first.
         */
        get: {
            parameters: {
                query?: {
                    /** @description a whole number of items from 1 to 1000; 50 by default */
                    limit?: string;
                    /** @description Organization */
                    organizationId?: string;
                    type?: string;
                    /** @description User */
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                ip: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                occurredAt: string;
                                organizationId: string | null;
                                type: string;
                                userId: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server clock (sandbox time travel) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            now: string;
                            offsetSeconds: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the sandbox clock forward
         * @description Sandbox mode only. Moves time forward by the sum of the given amounts, to watch sessions idle out, challenges and devices expire.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days?: number;
                        minutes?: number;
                        seconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            now: string;
                            offsetSeconds: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dev-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a developer key
         * @description From now on every request with this key is refused (401), and so is every session opened with it. Other server processes stop accepting it within 5 seconds. Revoking twice is the same as once.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Developer key ID (keyId) */
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an organization */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Browser origins allowed to call the API (docs/security.md, "Browsers and CORS"); "*" for any. */
                        allowedOrigins?: string[];
                        /** @description Default true; NIST SP 800-63B rev 4 does not count email as out-of-band. */
                        allowEmailFactor?: boolean;
                        /** @description Default true */
                        mfaRequired?: boolean;
                        name: string;
                        /** @description Default 180 (seed 000); BILL's API references say 30. */
                        rememberDeviceDays?: number;
                        /** @description Default 35 (BILL); ASVS 3.3.2 asks 30 at level 2. */
                        sessionIdleMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            allowEmailFactor: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            mfaRequired: boolean;
                            name: string;
                            organizationId: string;
                            rememberDeviceDays: number;
                            sessionIdleMinutes: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organizations/{organizationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            allowEmailFactor: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            mfaRequired: boolean;
                            name: string;
                            organizationId: string;
                            rememberDeviceDays: number;
                            sessionIdleMinutes: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an organization's settings (MFA requirement, idle timeout, …) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Browser origins allowed to call the API (docs/security.md, "Browsers and CORS"); "*" for any. */
                        allowedOrigins?: string[];
                        /** @description Default true; NIST SP 800-63B rev 4 does not count email as out-of-band. */
                        allowEmailFactor?: boolean;
                        /** @description Default true */
                        mfaRequired?: boolean;
                        name?: string;
                        /** @description Default 180 (seed 000); BILL's API references say 30. */
                        rememberDeviceDays?: number;
                        /** @description Default 35 (BILL); ASVS 3.3.2 asks 30 at level 2. */
                        sessionIdleMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            allowEmailFactor: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            mfaRequired: boolean;
                            name: string;
                            organizationId: string;
                            rememberDeviceDays: number;
                            sessionIdleMinutes: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/organizations/{organizationId}/dev-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a developer key
         * @description The key is shown once. A partner key may create organizations and open sessions as their users.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        partner?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            keyId: string;
                            name: string;
                            organizationId: string;
                            partner: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organizations/{organizationId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                email: string | null;
                                locked: boolean;
                                organizationId: string;
                                phone: string | null;
                                userId: string;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One plain mailbox, e.g. ana@example.com */
                        email?: string;
                        /** @description At least 8 characters (NIST SP 800-63B). */
                        password: string;
                        /** @description E.164 phone number, e.g. +14155550100 */
                        phone?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            email: string | null;
                            locked: boolean;
                            organizationId: string;
                            phone: string | null;
                            userId: string;
                            username: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organizations/{organizationId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoints: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                endpointId: string;
                                organizationId: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Every connection transition of the organization is POSTed to the URL, signed in the Latchkey-Signature header (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> under the secret shown once here), in order per connection, retried with backoff.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            endpointId: string;
                            organizationId: string;
                            url: string;
                        } & {
                            secret: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the outbox
         * @description Messages the outbox channel kept (all SMS and email in sandbox mode), newest first.
         */
        get: {
            parameters: {
                query?: {
                    destination?: string;
                    /** @description a whole number of items from 1 to 1000; 50 by default */
                    limit?: string;
                    /** @description Organization */
                    organizationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                body: string;
                                channel: "sms" | "email";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                destination: string;
                                id: string;
                                organizationId: string;
                                subject: string | null;
                                userId: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's remembered devices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User ID */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            devices: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                deviceId: string;
                                deviceName: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                lastUsedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/devices/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a user's remembered device */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Device ID */
                    deviceId: string;
                    /** @description User ID */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear an account lock */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description User ID */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            email: string | null;
                            locked: boolean;
                            organizationId: string;
                            phone: string | null;
                            userId: string;
                            username: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The webhook delivery log
         * @description Newest first: status, attempts, last error, next attempt.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Connection */
                    connectionId?: string;
                    /** @description Endpoint */
                    endpointId?: string;
                    /** @description a whole number of items from 1 to 1000; 50 by default */
                    limit?: string;
                    /** @description Organization */
                    organizationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                attempts: number;
                                connectionId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                deliveredAt: string | null;
                                deliveryId: string;
                                endpointId: string;
                                eventId: string;
                                lastError: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                nextAttemptAt: string;
                                seq: number;
                                status: "pending" | "delivered" | "failed";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhook-deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Delivery ID */
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            deliveredAt: string | null;
                            deliveryId: string;
                            endpointId: string;
                            eventId: string;
                            lastError: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            nextAttemptAt: string;
                            seq: number;
                            status: "pending" | "delivered" | "failed";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable a webhook endpoint */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Endpoint ID */
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                lastUsedAt: string;
                                name: string | null;
                                revoked: boolean;
                                scope: "read" | "write";
                                tokenId: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API token
         * @description A long-lived, revocable token for server-to-server use, read-only unless scope is "write". It is never MFA-trusted. Use it as Authorization: Bearer <token>.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scope?: "read" | "write";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                        } & {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            lastUsedAt: string;
                            name: string | null;
                            revoked: boolean;
                            scope: "read" | "write";
                            tokenId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description API token ID */
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * May this session perform an operation?
         * @description For upstream APIs: send the caller's developer key and session, and the operation name. Always 200 unless the developer key is bad: allow, or deny with reason (mfa_required, step_up_required, session_expired, forbidden) and the next step.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operation: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allow: boolean;
                            /** @description What the caller should do to be allowed. */
                            next?: string;
                            operation: string;
                            reason?: "mfa_required" | "step_up_required" | "session_expired" | "forbidden";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's connections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connections: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                aggregatedAt: string | null;
                                challenges: {
                                    challengeId: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 time
                                     */
                                    expiresAt: string;
                                    /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                    expiresInSeconds: number;
                                    image: string | null;
                                    label: string;
                                    medium: {
                                        label: string;
                                        type: string;
                                    } | null;
                                    /** @description false for a prompt: approve it in the institution's app */
                                    needsAnswer: boolean;
                                    options: {
                                        image: string | null;
                                        label: string;
                                        optionId: string;
                                        value: string;
                                    }[];
                                    round: number;
                                    /** @enum {string} */
                                    type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                                }[];
                                connectionId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                group: "processing" | "needs_user" | "finished";
                                hold: {
                                    message: string | null;
                                    reason: string;
                                    url: string | null;
                                } | null;
                                institution: {
                                    code: string;
                                    name: string;
                                };
                                institutionCode: string;
                                isAuthenticated: boolean;
                                isBeingAggregated: boolean;
                                nextAction: string | null;
                                round: number;
                                /** @enum {string} */
                                state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                                statusMessage: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                successfullyAggregatedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                updatedAt: string;
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Connect an institution account
         * @description Stores the credentials encrypted and starts a job that logs in to the institution. One connection per user, institution and login: a duplicate returns the existing connection with 200.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The institution's credential fields (GET /v1/institutions/{code}) */
                        credentials: {
                            [key: string]: string;
                        };
                        institutionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connection, its state and pending challenges */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a connection and its data */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts found at the institution */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                accountId: string;
                                balance: number;
                                currency: string;
                                mask: string;
                                name: string;
                                type: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/answer-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a single-use answer token
         * @description For an end-user page that must not hold the app's credentials: the token authorizes exactly one resume of this connection, for 15 minutes by default.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answerToken: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The challenges waiting for the user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents fetched (tax documents) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            documents: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                documentId: string;
                                kind: string;
                                name: string;
                                year: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of a connection (Server-Sent Events)
         * @description text/event-stream: each event has `id` (the sequence number), `event` (its type) and `data` (the same JSON as a webhook). Reconnect with Last-Event-ID to resume.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "last-event-id"?: string;
                };
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/fix-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The user fixed what the institution asked: run again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connection's jobs: kind, status and times */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: {
                                attempts: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                error: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                finishedAt: string | null;
                                interactive: boolean;
                                jobId: string;
                                kind: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                startedAt: string | null;
                                status: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/reauthenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in again with new credentials */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The institution's credential fields (GET /v1/institutions/{code}) */
                        credentials: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a job now (aggregate accounts or fetch tax documents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind?: "aggregate" | "tax_documents";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{connectionId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Answer the challenges (resume)
         * @description Answers by challenge ID. Authorized by the user's session, or by a single-use answer token in X-Answer-Token (from POST …/answer-tokens) for an end-user page. Send Idempotency-Key to make a retry return the first result. 409 when not challenged, 410 when expired, 422 when the answers do not match.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Connection ID */
                    connectionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenges: {
                            /** @description Challenge ID */
                            challengeId: string;
                            /** @description The answer; for options, the optionId or the option's value */
                            value: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            aggregatedAt: string | null;
                            challenges: {
                                challengeId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /** @description Seconds left to answer by the server's clock when this answer was made: count down from it rather than from expiresAt, which a browser's clock may disagree with. */
                                expiresInSeconds: number;
                                image: string | null;
                                label: string;
                                medium: {
                                    label: string;
                                    type: string;
                                } | null;
                                /** @description false for a prompt: approve it in the institution's app */
                                needsAnswer: boolean;
                                options: {
                                    image: string | null;
                                    label: string;
                                    optionId: string;
                                    value: string;
                                }[];
                                round: number;
                                /** @enum {string} */
                                type: "question" | "options" | "code_sent" | "code_generated" | "image_data" | "image_options" | "prompt";
                            }[];
                            connectionId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            group: "processing" | "needs_user" | "finished";
                            hold: {
                                message: string | null;
                                reason: string;
                                url: string | null;
                            } | null;
                            institution: {
                                code: string;
                                name: string;
                            };
                            institutionCode: string;
                            isAuthenticated: boolean;
                            isBeingAggregated: boolean;
                            nextAction: string | null;
                            round: number;
                            /** @enum {string} */
                            state: "CREATED" | "PROCESSING" | "CHALLENGED" | "RESUMED" | "CONNECTED" | "REJECTED" | "EXPIRED" | "DENIED" | "PREVENTED" | "LOCKED" | "HOLD" | "INSTITUTION_DOWN" | "INTERACTIVE_REQUIRED";
                            statusMessage: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            successfullyAggregatedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List remembered devices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            devices: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                deviceId: string;
                                deviceName: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                lastUsedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a remembered device */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Device ID */
                    deviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the user's factors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            factors: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                activatedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                destination: string | null;
                                factorId: string;
                                label: string;
                                status: "pending" | "active";
                                type: "sms" | "email" | "totp" | "backup_codes";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Set up a factor
         * @description sms and email send a code (the returned challenge; verify it to activate the factor). totp returns an otpauth URI and a QR code; verify a code from the app to activate it. backup_codes returns the codes once and is active at once. Once a user has an active factor, adding or removing one needs a verification within the last 10 minutes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One plain mailbox, e.g. ana@example.com */
                        email?: string;
                        label?: string;
                        /** @description E.164 phone number, e.g. +14155550100 */
                        phone?: string;
                        type: "sms" | "email" | "totp" | "backup_codes";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown once; store them safely. */
                            backupCodes?: string[];
                            challenge: {
                                attemptsRemaining: number;
                                challengeId: string;
                                /** @description Where the code went, masked; null for factors that send nothing. */
                                destination: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                expiresAt: string;
                                factorId: string;
                                factorType: "sms" | "email" | "totp" | "backup_codes";
                                purpose: "sign_in" | "enroll";
                            } | null;
                            factor: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time, or null
                                 */
                                activatedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                createdAt: string;
                                destination: string | null;
                                factorId: string;
                                label: string;
                                status: "pending" | "active";
                                type: "sms" | "email" | "totp" | "backup_codes";
                            };
                            otpauthUri?: string;
                            /** @description PNG data URI */
                            qrCode?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/factors/{factorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a factor */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Factor ID */
                    factorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List or search institutions */
        get: {
            parameters: {
                query?: {
                    /** @description a whole number of items from 1 to 1000; 50 by default */
                    limit?: string;
                    search?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            institutions: {
                                code: string;
                                /** @description As seed 004's company object */
                                logo: {
                                    url: string;
                                } | null;
                                name: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/institutions/{institutionCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An institution and the credentials it asks for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    institutionCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @description As seed 004's company object */
                            logo: {
                                url: string;
                            } | null;
                            name: string;
                            url: string;
                        } & {
                            credentialFields: {
                                label: string;
                                name: string;
                                type: "text" | "password";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mfa/challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an MFA challenge
         * @description Sends a code (SMS or email) or prepares a TOTP or backup-code challenge. Without factorId, type or useBackup the strongest active factor is used (sms, then totp, then email).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Factor to use */
                        factorId?: string;
                        type?: "sms" | "email" | "totp" | "backup_codes";
                        /** @description Answer with a backup code */
                        useBackup?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attemptsRemaining: number;
                            challengeId: string;
                            /** @description Where the code went, masked; null for factors that send nothing. */
                            destination: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            expiresAt: string;
                            factorId: string;
                            factorType: "sms" | "email" | "totp" | "backup_codes";
                            purpose: "sign_in" | "enroll";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mfa/challenges/{challengeId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new code for a challenge
         * @description The failure count of the challenge is kept (NIST SP 800-63B rev 4).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Challenge ID */
                    challengeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attemptsRemaining: number;
                            challengeId: string;
                            /** @description Where the code went, masked; null for factors that send nothing. */
                            destination: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            expiresAt: string;
                            factorId: string;
                            factorType: "sms" | "email" | "totp" | "backup_codes";
                            purpose: "sign_in" | "enroll";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mfa/challenges/{challengeId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a challenge
         * @description A correct code makes the session MFA-trusted (and activates a factor being set up). Five wrong codes kill the challenge; ten consecutive failures, sign-in and MFA together, lock the account for 30 minutes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Challenge ID */
                    challengeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The 6-digit code, or a backup code */
                        code: string;
                        /** @description A nickname for the device, sent again at sign-in with rememberMeId. */
                        device?: string;
                        /** @description Remember this device (180 days by default) */
                        rememberMe?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceId?: string;
                            factorId: string;
                            factorType: "sms" | "email" | "totp" | "backup_codes";
                            purpose: "sign_in" | "enroll";
                            /** @description Only with rememberMe: send it with the device name at sign-in. */
                            rememberMeId?: string;
                            /** @enum {boolean} */
                            trusted: true;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            trustedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/add-vendor-bank-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Protected operation: add_vendor_bank_account (sandbox)
         * @description Needs an MFA-trusted session. The sandbox records the request instead of moving money.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Any JSON object; recorded as given. */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            operation: string;
                            requestId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/pay-bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Protected operation: pay_bills (sandbox)
         * @description Needs an MFA-trusted session. The sandbox records the request instead of moving money.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Any JSON object; recorded as given. */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            operation: string;
                            requestId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/send-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Protected operation: send_invite (sandbox)
         * @description Needs an MFA-trusted session. The sandbox records the request instead of moving money.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Any JSON object; recorded as given. */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            operation: string;
                            requestId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/send-vendor-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Protected operation: send_vendor_invite (sandbox)
         * @description Needs an MFA-trusted session. The sandbox records the request instead of moving money.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Any JSON object; recorded as given. */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            operation: string;
                            requestId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's organization settings
         * @description The settings a sign-in or MFA screen shows the user, such as how many days "Remember this device" lasts.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowEmailFactor: boolean;
                            mfaRequired: boolean;
                            name: string;
                            organizationId: string;
                            /** @description How long "Remember this device" lasts */
                            rememberDeviceDays: number;
                            sessionIdleMinutes: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an organization */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Browser origins allowed to call the API (docs/security.md, "Browsers and CORS"); "*" for any. */
                        allowedOrigins?: string[];
                        /** @description Default true; NIST SP 800-63B rev 4 does not count email as out-of-band. */
                        allowEmailFactor?: boolean;
                        /** @description Default true */
                        mfaRequired?: boolean;
                        name: string;
                        /** @description Default 180 (seed 000); BILL's API references say 30. */
                        rememberDeviceDays?: number;
                        /** @description Default 35 (BILL); ASVS 3.3.2 asks 30 at level 2. */
                        sessionIdleMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedOrigins: string[];
                            allowEmailFactor: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            mfaRequired: boolean;
                            name: string;
                            organizationId: string;
                            rememberDeviceDays: number;
                            sessionIdleMinutes: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/organizations/{organizationId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user in an organization the partner created */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One plain mailbox, e.g. ana@example.com */
                        email?: string;
                        /** @description At least 8 characters (NIST SP 800-63B). */
                        password: string;
                        /** @description E.164 phone number, e.g. +14155550100 */
                        phone?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            email: string | null;
                            locked: boolean;
                            organizationId: string;
                            phone: string | null;
                            userId: string;
                            username: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/organizations/{organizationId}/users/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a session as a user (login as user)
         * @description The new session is not MFA-trusted, unless rememberMeId and the same device name are sent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Organization ID */
                    organizationId: string;
                    /** @description User ID */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A nickname for the device, sent again at sign-in with rememberMeId. */
                        device?: string;
                        /** @description The rememberMeId returned when the device was remembered. */
                        rememberMeId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            expiresAt: string | null;
                            /** @description CHALLENGE: MFA required and not yet done; COMPLETE: MFA-trusted; DISABLED: the organization has MFA off; SETUP: the user must first set up a factor. */
                            mfaStatus: "CHALLENGE" | "COMPLETE" | "DISABLED" | "SETUP";
                            organizationId: string;
                            /** @description Opaque session ID: send as Authorization: Bearer <sessionId>. Shown only here. */
                            sessionId: string;
                            trusted: boolean;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/partner/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Partner sign-in
         * @description Signs a partner user in with a partner-level key (X-Dev-Key) and opens a partner session, which may create organizations and users and open sessions as their users.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Organization ID (begins with 008) */
                        organizationId: string;
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            expiresAt: string | null;
                            /** @description CHALLENGE: MFA required and not yet done; COMPLETE: MFA-trusted; DISABLED: the organization has MFA off; SETUP: the user must first set up a factor. */
                            mfaStatus: "CHALLENGE" | "COMPLETE" | "DISABLED" | "SETUP";
                            organizationId: string;
                            /** @description Opaque session ID: send as Authorization: Bearer <sessionId>. Shown only here. */
                            sessionId: string;
                            trusted: boolean;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Session info and MFA status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            absoluteExpiresAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            expiresAt: string | null;
                            kind: "user" | "partner" | "api_token";
                            /** @description CHALLENGE: MFA required and not yet done; COMPLETE: MFA-trusted; DISABLED: the organization has MFA off; SETUP: the user must first set up a factor. */
                            mfaStatus: "CHALLENGE" | "COMPLETE" | "DISABLED" | "SETUP";
                            organizationId: string;
                            scope: "read" | "write";
                            trusted: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            trustedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            trustExpiresAt: string | null;
                            trustMethod: string | null;
                            userId: string;
                            username: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Sign out
         * @description Ends the session at once.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Opens an API session that idles out after the organization's idle timeout (35 minutes by default). With rememberMeId and the same device the session is MFA-trusted at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A nickname for the device, sent again at sign-in with rememberMeId. */
                        device?: string;
                        /** @description Organization ID (begins with 008) */
                        organizationId: string;
                        password: string;
                        /** @description The rememberMeId returned when the device was remembered. */
                        rememberMeId?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time, or null
                             */
                            expiresAt: string | null;
                            /** @description CHALLENGE: MFA required and not yet done; COMPLETE: MFA-trusted; DISABLED: the organization has MFA off; SETUP: the user must first set up a factor. */
                            mfaStatus: "CHALLENGE" | "COMPLETE" | "DISABLED" | "SETUP";
                            organizationId: string;
                            /** @description Opaque session ID: send as Authorization: Bearer <sessionId>. Shown only here. */
                            sessionId: string;
                            trusted: boolean;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable Latchkey error code. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details with a stable Latchkey error code. */
        Problem: {
            code: string;
            detail: string;
            field?: string;
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
