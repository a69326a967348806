import { z } from "zod";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { withRoute } from "@/app/api/_lib/route";

const body = z.object({
  slugs: z.array(z.string(), { message: "slugs must be a list of exercise slugs." }).optional(),
  publish: z.boolean({ message: "publish must be true or false." }).optional(),
});

/** Imports the built-in library (or the listed slugs) into the class; the policy allows only its instructor. */
export const POST = withRoute({ auth: "user", body }, async ({ user, params, body }) =>
  importLibraryIntoClass({ userId: user.id, classId: params.id, slugs: body.slugs, publish: body.publish }),
);
