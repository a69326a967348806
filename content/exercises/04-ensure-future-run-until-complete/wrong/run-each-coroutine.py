import asyncio


async def step(name, seconds):
    print(f'{name}: 开始')
    await asyncio.sleep(seconds)
    print(f'{name}: 完成')
    return name


# Mistake: running each coroutine with its own run_until_complete call. Each call blocks until
# that one step is finished, so the steps run one after another (3 + 1 + 2 = 6 seconds).
loop = asyncio.get_event_loop()
results = [
    loop.run_until_complete(step('烧水', 3)),
    loop.run_until_complete(step('洗茶杯', 1)),
    loop.run_until_complete(step('买茶叶', 2)),
]

for result in results:
    print('结果:', result)
print('可以泡茶了')
