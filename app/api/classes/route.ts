import { z } from "zod";
import { classNameSchema } from "@/lib/classes/class-inputs.types";
import { createClass } from "@/lib/classes/create-class";
import { listClasses } from "@/lib/classes/list-classes";
import { withRoute } from "@/app/api/_lib/route";

const createClassBody = z.object({ name: classNameSchema });

export const GET = withRoute({ auth: "user" }, async ({ user }) => ({
  classes: await listClasses({ userId: user.id }),
}));

export const POST = withRoute({ auth: "instructor", body: createClassBody }, async ({ user, body }) => {
  const created = await createClass({ userId: user.id, name: body.name });
  return Response.json({ class: created }, { status: 201 });
});
