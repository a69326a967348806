import asyncio


async def step(name, seconds):
    print(f'{name}: 开始')
    await asyncio.sleep(seconds)
    print(f'{name}: 完成')
    return name


# Mistake (as in the tutorial's section 5.4 example 3): handing bare coroutine objects to
# asyncio.wait. Python 3.11 refuses: "Passing coroutines is forbidden, use tasks explicitly."
coros = [step('烧水', 3), step('洗茶杯', 1), step('买茶叶', 2)]

loop = asyncio.get_event_loop()
done, pending = loop.run_until_complete(asyncio.wait(coros))

for task in done:
    print('结果:', task.result())
print('可以泡茶了')
