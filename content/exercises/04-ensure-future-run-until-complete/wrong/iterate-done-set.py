import asyncio


async def step(name, seconds):
    print(f'{name}: 开始')
    await asyncio.sleep(seconds)
    print(f'{name}: 完成')
    return name


tasks = [
    asyncio.ensure_future(step('烧水', 3)),
    asyncio.ensure_future(step('洗茶杯', 1)),
    asyncio.ensure_future(step('买茶叶', 2)),
]

loop = asyncio.get_event_loop()
done, pending = loop.run_until_complete(asyncio.wait(tasks))

# Mistake: iterating the `done` set. Sets of tasks have no useful order (CPython's follows memory
# addresses), so the results may come out in any order.
for task in done:
    print('结果:', task.result())
print('可以泡茶了')
