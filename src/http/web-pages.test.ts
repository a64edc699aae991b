// web-pages.ts without a built web/dist: the page routes say how to build it instead of a bare 404.
import Fastify from "fastify";
import { webPages } from "./web-pages";

it("answers 503 WEB_NOT_BUILT naming `npm run build:web` when web/dist is missing", async () => {
  const app = Fastify();
  await app.register(webPages, { dir: "/nonexistent/web/dist" });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  for (const url of ["/", "/desk", "/dashboard/", "/graphiql"]) {
    const res = await fetch(base + url);
    expect([url, res.status]).toEqual([url, 503]);
    expect(((await res.json()) as { errors: unknown[] }).errors[0]).toMatchObject({ extensions: { code: "WEB_NOT_BUILT" }, message: expect.stringContaining("npm run build:web") });
  }
  await app.close();
});
